import 'reflect-metadata';
import { buildSupportSchema } from './src/schema';
buildSupportSchema()
  .then(({ sdl }) => console.log(sdl))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
