export { loadConfig, ConfigError, type AppConfig } from './app-config.js';
