export { AutoMaterializer, DEFAULT_MAX_MEMORY_ROWS, type AutoMaterializerOptions } from './materializer.js';
