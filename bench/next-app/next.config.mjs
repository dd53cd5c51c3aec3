// Production defaults, minus the X-Powered-By header (the .NET apps send no Server header either).
const config = { poweredByHeader: false };
export default config;
