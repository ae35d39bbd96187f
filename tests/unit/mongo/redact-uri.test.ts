import { mongoUriHosts, redactMongoUri } from '../../../shared/mongo';

describe('redactMongoUri', () => {
  it('masks the password and keeps everything else', () => {
    expect(redactMongoUri('mongodb://app:s3cr3t@db1:27017,db2:27017/sales?replicaSet=rs0')).toBe(
      'mongodb://app:****@db1:27017,db2:27017/sales?replicaSet=rs0',
    );
    expect(redactMongoUri('mongodb+srv://app:p%40ss@cluster.example.net/x')).toBe(
      'mongodb+srv://app:****@cluster.example.net/x',
    );
  });

  it('leaves URIs without a password unchanged', () => {
    expect(redactMongoUri('mongodb://127.0.0.1:27017')).toBe('mongodb://127.0.0.1:27017');
    expect(redactMongoUri('mongodb://user@host/db')).toBe('mongodb://user@host/db');
  });
});

describe('mongoUriHosts', () => {
  it('returns the host list without credentials or options', () => {
    expect(mongoUriHosts('mongodb://app:s3cr3t@db1:27017,db2:27017/sales?tls=true')).toBe(
      'db1:27017,db2:27017',
    );
  });
});
