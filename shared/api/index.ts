// Schemas of every HTTP request and response (interfaces.md §3), shared by the function app and its clients.
export * from './common';
export * from './evaluate';
export * from './me';
export * from './needs';
export * from './register';
