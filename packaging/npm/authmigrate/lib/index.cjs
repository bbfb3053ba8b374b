// CommonJS entry of the JS API: the implementation is an ES module, so the function is async either way.
'use strict';

exports.exportAuthSchema = async (...args) => (await import('./index.mjs')).exportAuthSchema(...args);
