// Runtime settings of the web client. Deployments replace this file; the build stays the same.
// apiUrl: where the API lives; empty means this page's own origin (the API under /api).
window.SYLLABUS_CONFIG = { apiUrl: '' };
