/**
 * Shown while a route's module downloads on a first load. Plain markup, not
 * antd's Skeleton: it is part of the eager bundle, and it may render outside
 * the app shell and so outside antd's providers (router.tsx). The look follows
 * components/page-skeleton.tsx: a white card with grey bars.
 */
const bar = (width: string) => ({ height: 16, width, marginTop: 16, borderRadius: 4, background: 'rgba(0, 0, 0, 0.06)' });

export function RouteFallback() {
  return (
    <div aria-busy="true" aria-label="正在加载" style={{ margin: 24, padding: 24, background: '#fff', borderRadius: 8, border: '1px solid #f0f0f0' }}>
      <div style={{ ...bar('38%'), marginTop: 0 }} />
      {['100%', '100%', '100%', '61%'].map((w, i) => <div key={i} style={bar(w)} />)}
    </div>
  );
}
