import SOSCommands
import SOSPostgres

// sos with the store's PostgreSQL engine: `sos` runs this in its place for a
// postgres:// database (facilitator-guide/multi-site.md).
PostgresSupport.register()
SOS.main()
