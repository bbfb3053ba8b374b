// core: the four tables, no plugins.
export default () => ({ emailAndPassword: { enabled: true } });
