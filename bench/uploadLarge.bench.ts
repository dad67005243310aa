import { streamedUpload } from './streamedUpload';

/** P4 at 1 GB, in a process of its own: whether the peak grows with the file. */
streamedUpload(1024);
