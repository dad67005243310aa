import { streamedDownload } from './streamedDownload';

/** P10 at 1 GB, in a process of its own: whether the peak grows with the file. */
streamedDownload(1024);
