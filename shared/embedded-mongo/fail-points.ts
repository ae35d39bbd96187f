import type { Document } from 'bson';
import { isPlainObject } from './bson-values';
import { CommandError, ErrorCode } from './errors';

/**
 * mongod's `failCommand` fail point (src/mongo/db/commands.cpp, evaluateFailCommandFailPoint): makes
 * chosen commands fail with an error code, a write concern error, a closed connection or a delay, so
 * tests can see how clients handle failures. Like mongod, the `configureFailPoint` command exists only
 * when the server was started with test commands enabled (`enableTestCommands`).
 */

export interface FailCommandAction {
  /** Wait this long before running (blockConnection). */
  blockTimeMS?: number;
  /** Close the connection without replying. */
  closeConnection?: boolean;
  /** Fail with this error instead of running. */
  error?: CommandError;
  /** Run, then add this writeConcernError to the reply. */
  writeConcernError?: Document;
  /** Replace the error labels the server would compute. */
  errorLabels?: string[];
}

interface ActiveFailPoint {
  mode: 'alwaysOn' | { times: number } | { skip: number } | { activationProbability: number };
  data: Document;
}

export class FailPoints {
  private failCommand: ActiveFailPoint | undefined;

  constructor(private readonly random: () => number = Math.random) {}

  /** The `configureFailPoint` command. */
  configure(cmd: Document): Document {
    const name = String(cmd.configureFailPoint);
    if (name !== 'failCommand')
      throw new CommandError(ErrorCode.BadValue, `Cannot find failpoint: ${name} (only failCommand exists)`);
    const { mode, data } = cmd;
    if (mode === 'off') {
      this.failCommand = undefined;
      return { count: 0, ok: 1 };
    }
    const parsed = parseMode(mode);
    if (!isPlainObject(data) || !Array.isArray(data.failCommands))
      throw new CommandError(ErrorCode.BadValue, "'failCommands' must be an array of command names");
    this.failCommand = { mode: parsed, data };
    return { count: 0, ok: 1 };
  }

  /** What the fail point does to this command, if it triggers. */
  evaluate(commandName: string, appName: string | undefined): FailCommandAction | undefined {
    const fp = this.failCommand;
    if (!fp) return undefined;
    const { data } = fp;
    if (!(data.failCommands as unknown[]).includes(commandName)) return undefined;
    if (typeof data.appName === 'string' && data.appName !== appName) return undefined;
    if (!this.fires(fp)) return undefined;
    const action: FailCommandAction = {};
    if (data.blockConnection === true) action.blockTimeMS = Number(data.blockTimeMS ?? 0);
    if (data.closeConnection === true) action.closeConnection = true;
    if (Array.isArray(data.errorLabels)) action.errorLabels = data.errorLabels.map(String);
    if (data.errorCode !== undefined)
      action.error = new CommandError(Number(data.errorCode), "Failing command via 'failCommand' failpoint");
    else if (isPlainObject(data.writeConcernError)) action.writeConcernError = data.writeConcernError;
    return action;
  }

  private fires(fp: ActiveFailPoint): boolean {
    const { mode } = fp;
    if (mode === 'alwaysOn') return true;
    if ('times' in mode) {
      if (mode.times <= 0) return false;
      mode.times--;
      if (mode.times === 0) this.failCommand = undefined;
      return true;
    }
    if ('skip' in mode) {
      if (mode.skip > 0) {
        mode.skip--;
        return false;
      }
      return true;
    }
    return this.random() < mode.activationProbability;
  }
}

function parseMode(mode: unknown): ActiveFailPoint['mode'] {
  if (mode === 'alwaysOn') return 'alwaysOn';
  if (isPlainObject(mode)) {
    if (mode.times !== undefined) return { times: Number(mode.times) };
    if (mode.skip !== undefined) return { skip: Number(mode.skip) };
    if (mode.activationProbability !== undefined)
      return { activationProbability: Number(mode.activationProbability) };
  }
  throw new CommandError(ErrorCode.BadValue, `invalid fail point mode: ${JSON.stringify(mode)}`);
}
