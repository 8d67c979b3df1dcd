import SOSCommands

// A postgres:// database is served by sos-pg, built beside sos: this program links no
// PostgreSQL client, so that building and starting it stays quick.
SiblingProgram.handOverToPostgres()
SOS.main()
