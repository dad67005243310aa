import { streamedUpload } from './streamedUpload';

/** P4: a 200 MB document streamed from n8n's binary store (a fresh process per file size). */
streamedUpload(200);
