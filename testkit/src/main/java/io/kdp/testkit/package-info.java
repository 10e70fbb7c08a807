/** Test fixtures shared by every module: an embedded PostgreSQL server, the WASM TimescaleDB. */
package io.kdp.testkit;
