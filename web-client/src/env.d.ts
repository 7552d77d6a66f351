/// <reference types="svelte" />
/// <reference types="vite/client" />

interface Window {
  SYLLABUS_CONFIG?: { apiUrl?: string };
}
