// Preloaded into the reference UI by side-by-side.sh (node -r): claudecodeui 1.12.0 listens on
// 0.0.0.0 unconditionally; the benchmark keeps everything on loopback, so wildcard binds become
// 127.0.0.1.
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (args[1] === '0.0.0.0' || args[1] === '::') {
    args[1] = '127.0.0.1';
  }
  return listen.apply(this, args);
};
