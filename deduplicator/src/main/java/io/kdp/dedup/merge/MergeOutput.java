package io.kdp.dedup.merge;

import io.kdp.dedup.coverage.CoverageRun;
import java.util.List;

/**
 * What one {@link BookMerger#decide} call settled: the book rows for production, the coverage runs
 * touched (a run may appear several times, growing; the last one counts), and how far windows are
 * now decided.
 */
public record MergeOutput(
    List<MergedRow> rows, List<CoverageRun> coverage, long decidedToMicros, int windows) {}
