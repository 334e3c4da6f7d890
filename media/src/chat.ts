// The chat view's script (built by esbuild into dist/media/chat.js).
export {};
