/** Schema migrations and COPY-based batch writers for the gatherer and production databases. */
package io.kdp.store;
