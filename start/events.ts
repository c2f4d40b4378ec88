/*
| Typed application events. Services emit them; listeners in `app/listeners` fan them out
| (live updates, cache invalidation, counters).
*/
declare module '@adonisjs/core/types' {
  interface EventsList {
    'user:registered': { userId: number }
    'session:revoked': { userId: number; sessionId: number }
  }
}
