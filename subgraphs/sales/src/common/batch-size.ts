// The cursor batch size lives with the connection layer, which applies it to every read by default.
export { ONE_REPLY_BATCH } from '../../../../shared/mongo';
