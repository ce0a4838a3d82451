/**
 * The state key main saves first: the runner passes it to post as STATE_isPost. It lives apart
 * from state.ts so the entry can dispatch without loading @actions/core.
 */
export const POST_MARKER = 'isPost';
