import { jaroWinkler, osaDistance } from './subgraphs/marketing/src/identity/string-distance';
const words = ['kovacs','kovasc','nagy','szabo','horvath','mohammad','mohamad','kowalska','kowalski','peter','petra','anna','hanna'];
let s = 0; const t = performance.now();
for (let i = 0; i < 2_000_000; i++) s += jaroWinkler(words[i % 13], words[(i * 7) % 13]);
console.log('jw per call ns', ((performance.now() - t) * 1e6 / 2e6).toFixed(0), s);
const t2 = performance.now();
for (let i = 0; i < 2_000_000; i++) s += osaDistance(words[i % 13], words[(i * 7) % 13]);
console.log('osa per call ns', ((performance.now() - t2) * 1e6 / 2e6).toFixed(0), s);
