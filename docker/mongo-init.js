// Runs once, as the root user, when the mongo container starts on an empty data volume
// (docker-entrypoint-initdb.d). The services connect as this application user, which may read and
// write their own databases and nothing else: no user administration, no other databases.
const databases = ['c360_marketing', 'c360_sales', 'c360_support', 'c360_events'];
db.getSiblingDB('admin').createUser({
  user: process.env.MONGO_APP_USERNAME,
  pwd: process.env.MONGO_APP_PASSWORD,
  roles: databases.map((name) => ({ role: 'readWrite', db: name })),
});
