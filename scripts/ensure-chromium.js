// The worker prints letters to PDF with Debian's Chromium (no browser is downloaded by npm). `npm start`
// runs this first: on a machine without it, it installs it the way CI does, or says how to.
const { execSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log(`Chromium is not at ${path}: installing it for PDF letters (apt-get install chromium).`);
  execSync('apt-get update -qq && apt-get install -y -qq chromium', { stdio: 'inherit' });
  process.exit(0);
}
console.error(`Chromium prints the letters as PDF and was not found at ${path}. Install it (Debian or Ubuntu: sudo apt-get install chromium), or set CHROMIUM_PATH to where it is.`);
process.exit(1);
