import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'metrics': { paramsTuple?: []; params?: {} }
    'docs.document': { paramsTuple?: []; params?: {} }
    'docs.page': { paramsTuple?: []; params?: {} }
    'docs.asset': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'auth.signup': { paramsTuple?: []; params?: {} }
    'auth.login': { paramsTuple?: []; params?: {} }
    'auth.refresh': { paramsTuple?: []; params?: {} }
    'auth.email.verify': { paramsTuple?: []; params?: {} }
    'auth.password.forgot': { paramsTuple?: []; params?: {} }
    'auth.password.reset': { paramsTuple?: []; params?: {} }
    'auth.logout': { paramsTuple?: []; params?: {} }
    'auth.logout_all': { paramsTuple?: []; params?: {} }
    'auth.sessions.index': { paramsTuple?: []; params?: {} }
    'auth.sessions.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'auth.email.resend': { paramsTuple?: []; params?: {} }
    'auth.password.change': { paramsTuple?: []; params?: {} }
    'me.show': { paramsTuple?: []; params?: {} }
    'me.update': { paramsTuple?: []; params?: {} }
    'me.destroy': { paramsTuple?: []; params?: {} }
    'me.export': { paramsTuple?: []; params?: {} }
    'me.security_events': { paramsTuple?: []; params?: {} }
    'anime.index': { paramsTuple?: []; params?: {} }
    'anime.trending': { paramsTuple?: []; params?: {} }
    'anime.seasons.show': { paramsTuple: [ParamValue,ParamValue]; params: {'year': ParamValue,'season': ParamValue} }
    'anime.show': { paramsTuple: [ParamValue]; params: {'idOrSlug': ParamValue} }
    'genres.index': { paramsTuple?: []; params?: {} }
    'anime.store': { paramsTuple?: []; params?: {} }
    'anime.update': { paramsTuple: [ParamValue]; params: {'idOrSlug': ParamValue} }
    'anime.destroy': { paramsTuple: [ParamValue]; params: {'idOrSlug': ParamValue} }
    'genres.store': { paramsTuple?: []; params?: {} }
    'genres.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'genres.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.show': { paramsTuple: [ParamValue]; params: {'username': ParamValue} }
    'usernames.availability': { paramsTuple: [ParamValue]; params: {'username': ParamValue} }
  }
  GET: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'metrics': { paramsTuple?: []; params?: {} }
    'docs.document': { paramsTuple?: []; params?: {} }
    'docs.page': { paramsTuple?: []; params?: {} }
    'docs.asset': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'auth.sessions.index': { paramsTuple?: []; params?: {} }
    'me.show': { paramsTuple?: []; params?: {} }
    'me.export': { paramsTuple?: []; params?: {} }
    'me.security_events': { paramsTuple?: []; params?: {} }
    'anime.index': { paramsTuple?: []; params?: {} }
    'anime.trending': { paramsTuple?: []; params?: {} }
    'anime.seasons.show': { paramsTuple: [ParamValue,ParamValue]; params: {'year': ParamValue,'season': ParamValue} }
    'anime.show': { paramsTuple: [ParamValue]; params: {'idOrSlug': ParamValue} }
    'genres.index': { paramsTuple?: []; params?: {} }
    'users.show': { paramsTuple: [ParamValue]; params: {'username': ParamValue} }
    'usernames.availability': { paramsTuple: [ParamValue]; params: {'username': ParamValue} }
  }
  HEAD: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'metrics': { paramsTuple?: []; params?: {} }
    'docs.document': { paramsTuple?: []; params?: {} }
    'docs.page': { paramsTuple?: []; params?: {} }
    'docs.asset': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'auth.sessions.index': { paramsTuple?: []; params?: {} }
    'me.show': { paramsTuple?: []; params?: {} }
    'me.export': { paramsTuple?: []; params?: {} }
    'me.security_events': { paramsTuple?: []; params?: {} }
    'anime.index': { paramsTuple?: []; params?: {} }
    'anime.trending': { paramsTuple?: []; params?: {} }
    'anime.seasons.show': { paramsTuple: [ParamValue,ParamValue]; params: {'year': ParamValue,'season': ParamValue} }
    'anime.show': { paramsTuple: [ParamValue]; params: {'idOrSlug': ParamValue} }
    'genres.index': { paramsTuple?: []; params?: {} }
    'users.show': { paramsTuple: [ParamValue]; params: {'username': ParamValue} }
    'usernames.availability': { paramsTuple: [ParamValue]; params: {'username': ParamValue} }
  }
  POST: {
    'auth.signup': { paramsTuple?: []; params?: {} }
    'auth.login': { paramsTuple?: []; params?: {} }
    'auth.refresh': { paramsTuple?: []; params?: {} }
    'auth.email.verify': { paramsTuple?: []; params?: {} }
    'auth.password.forgot': { paramsTuple?: []; params?: {} }
    'auth.password.reset': { paramsTuple?: []; params?: {} }
    'auth.logout': { paramsTuple?: []; params?: {} }
    'auth.logout_all': { paramsTuple?: []; params?: {} }
    'auth.email.resend': { paramsTuple?: []; params?: {} }
    'auth.password.change': { paramsTuple?: []; params?: {} }
    'anime.store': { paramsTuple?: []; params?: {} }
    'genres.store': { paramsTuple?: []; params?: {} }
  }
  DELETE: {
    'auth.sessions.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'me.destroy': { paramsTuple?: []; params?: {} }
    'anime.destroy': { paramsTuple: [ParamValue]; params: {'idOrSlug': ParamValue} }
    'genres.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  PATCH: {
    'me.update': { paramsTuple?: []; params?: {} }
    'anime.update': { paramsTuple: [ParamValue]; params: {'idOrSlug': ParamValue} }
    'genres.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}