/** Test fixtures shared by every module: an embedded PostgreSQL server. */
package io.kdp.testkit;
