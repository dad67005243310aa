import { streamedDownload } from './streamedDownload';

/** P10: a 300 MB file downloaded into n8n's binary store (a fresh process per file size). */
streamedDownload(300);
