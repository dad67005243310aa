/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- a benchmark samples its own process's memory and garbage collections */
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

/** P4 and P10: the peak growth of the process's resident memory while a file streams through it. */
export const TARGET_MB = 64;

const MB = 1024 * 1024;
const SAMPLE_MS = 10;

/** How much a run grew the memory of this process, in MB over what it held just before. */
export interface MemoryGrowth {
	/** Peak resident set (what the operating system counts against the process): the target's figure. */
	rssMb: number;
	/**
	 * Peak memory of Buffers and other ArrayBuffers, in use or dead and awaiting garbage
	 * collection: V8 collects them only once enough has piled up, not as each is dropped.
	 */
	arrayBuffersMb: number;
	/**
	 * The least ArrayBuffer memory sampled during the run once a collection had run: what the
	 * streaming path itself held at that moment, its dead Buffers gone. null when none ran.
	 */
	arrayBuffersLowMb: number | null;
	/** Peak of V8's JavaScript heap in use. */
	heapUsedMb: number;
	/** Full (mark-compact) collections during the run. */
	majorGcs: number;
	/** Young-generation collections (scavenges) during the run. */
	minorGcs: number;
	seconds: number;
}

/**
 * Runs `work` while sampling this process's memory every 10 ms and counting its garbage
 * collections. Nothing is forced or tuned: no `gc()`, no V8 flags, as in a user's n8n.
 */
export async function measureGrowth<T>(
	work: () => Promise<T>,
): Promise<{ value: T; growth: MemoryGrowth }> {
	const before = process.memoryUsage();
	const peak = { ...before };
	let low: number | null = null;
	let majorGcs = 0;
	let minorGcs = 0;
	const sample = () => {
		const now = process.memoryUsage();
		peak.rss = Math.max(peak.rss, now.rss);
		peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
		peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
		return now;
	};
	const collections = new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
			if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) majorGcs++;
			if (kind === constants.NODE_PERFORMANCE_GC_MINOR) minorGcs++;
		}
	});
	collections.observe({ entryTypes: ['gc'] });
	const timer = setInterval(() => {
		const now = sample();
		if (majorGcs + minorGcs > 0) low = Math.min(low ?? Infinity, now.arrayBuffers);
	}, SAMPLE_MS);
	const started = performance.now();
	try {
		const value = await work();
		sample();
		return {
			value,
			growth: {
				rssMb: (peak.rss - before.rss) / MB,
				arrayBuffersMb: (peak.arrayBuffers - before.arrayBuffers) / MB,
				arrayBuffersLowMb: low === null ? null : (low - before.arrayBuffers) / MB,
				heapUsedMb: (peak.heapUsed - before.heapUsed) / MB,
				majorGcs,
				minorGcs,
				seconds: (performance.now() - started) / 1000,
			},
		};
	} finally {
		clearInterval(timer);
		collections.disconnect();
	}
}

/** The figures of a BENCH line for a run's growth, with the Node version that measured them. */
export function growthFigures(growth: MemoryGrowth): string {
	const low = growth.arrayBuffersLowMb;
	return [
		`node=${process.versions.node}`,
		`peak_rss_growth_mb=${growth.rssMb.toFixed(1)}`,
		`target_mb=${TARGET_MB}`,
		`ratio=${(growth.rssMb / TARGET_MB).toFixed(2)}`,
		`peak_array_buffers_growth_mb=${growth.arrayBuffersMb.toFixed(1)}`,
		`array_buffers_low_mb=${low === null ? 'none' : low.toFixed(1)}`,
		`peak_heap_used_growth_mb=${growth.heapUsedMb.toFixed(1)}`,
		`major_gcs=${growth.majorGcs}`,
		`minor_gcs=${growth.minorGcs}`,
		`seconds=${growth.seconds.toFixed(1)}`,
	].join(' ');
}
