import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    // `node build` serves the portal; see README.md for PORT, HOST and ORIGIN.
    adapter: adapter({ out: 'build' }),
  },
};

export default config;
