/*
| Routes, grouped by domain. Operations routes live at the root; the API under /api/v1.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { idMatcher } from '#helpers/ids'
import {
  apiThrottle,
  authThrottle,
  emailResendThrottle,
  forgotPasswordThrottle,
  loginThrottle,
  signupThrottle,
} from '#start/limiter'

/*
| Operations: never rate limited.
*/
router.get('/health', [controllers.Health, 'live']).as('health.live')
router.get('/health/ready', [controllers.Health, 'ready']).as('health.ready')
router.get('/metrics', [controllers.Metrics, 'show']).as('metrics').use(middleware.metricsToken())
router.get('/openapi.json', [controllers.ApiDocs, 'document']).as('docs.document')
router.get('/docs', [controllers.ApiDocs, 'page']).as('docs.page')
router.get('/docs/assets/:file', [controllers.ApiDocs, 'asset']).as('docs.asset')

router
  .group(() => {
    /*
    | Authentication
    */
    router
      .group(() => {
        router.post('/signup', [controllers.NewAccount, 'store']).as('signup').use(signupThrottle)
        router.post('/login', [controllers.AccessToken, 'store']).as('login').use(loginThrottle)
        router.post('/refresh', [controllers.RefreshToken, 'store']).as('refresh')
        router.post('/email/verify', [controllers.EmailVerification, 'store']).as('email.verify')
        router
          .post('/password/forgot', [controllers.PasswordReset, 'store'])
          .as('password.forgot')
          .use(forgotPasswordThrottle)
        router.post('/password/reset', [controllers.PasswordReset, 'update']).as('password.reset')

        router
          .group(() => {
            router.post('/logout', [controllers.AccessToken, 'destroy']).as('logout')
            router.post('/logout-all', [controllers.AccessToken, 'destroyAll']).as('logout_all')
            router.get('/sessions', [controllers.Sessions, 'index']).as('sessions.index')
            router
              .delete('/sessions/:id', [controllers.Sessions, 'destroy'])
              .as('sessions.destroy')
              .where('id', idMatcher)
            router
              .post('/email/resend', [controllers.EmailVerification, 'resend'])
              .as('email.resend')
              .use(emailResendThrottle)
            router.post('/password/change', [controllers.Password, 'update']).as('password.change')
          })
          .use(middleware.auth())
      })
      .prefix('/auth')
      .as('auth')
      .use(authThrottle)

    /*
    | The signed-in user's account
    */
    router
      .group(() => {
        router.get('/', [controllers.Profile, 'show']).as('show')
        router.patch('/', [controllers.Profile, 'update']).as('update')
        router.delete('/', [controllers.Profile, 'destroy']).as('destroy')
        router.get('/export', [controllers.Profile, 'export']).as('export')
        router.get('/security-events', [controllers.SecurityEvents, 'index']).as('security_events')
      })
      .prefix('/me')
      .as('me')
      .use(middleware.auth())

    /*
    | Catalog: public reads (adult titles follow the viewer's preference), admin writes
    */
    router.get('/anime', [controllers.Anime, 'index']).as('anime.index')
    router.get('/anime/trending', [controllers.TrendingAnime, 'index']).as('anime.trending')
    router
      .get('/anime/seasons/:year/:season', [controllers.AnimeSeasons, 'show'])
      .as('anime.seasons.show')
      .where('year', /^\d{4}$/)
    router.get('/anime/:idOrSlug', [controllers.Anime, 'show']).as('anime.show')
    router.get('/genres', [controllers.Genres, 'index']).as('genres.index')

    router
      .group(() => {
        router.post('/anime', [controllers.Anime, 'store']).as('anime.store')
        // Writes name an anime by its id only; the segment keeps the read route's name.
        router
          .patch('/anime/:idOrSlug', [controllers.Anime, 'update'])
          .as('anime.update')
          .where('idOrSlug', idMatcher)
        router
          .delete('/anime/:idOrSlug', [controllers.Anime, 'destroy'])
          .as('anime.destroy')
          .where('idOrSlug', idMatcher)
        router.post('/genres', [controllers.Genres, 'store']).as('genres.store')
        router
          .patch('/genres/:id', [controllers.Genres, 'update'])
          .as('genres.update')
          .where('id', idMatcher)
        router
          .delete('/genres/:id', [controllers.Genres, 'destroy'])
          .as('genres.destroy')
          .where('id', idMatcher)
      })
      .use([middleware.auth(), middleware.role({ atLeast: 'admin' })])

    /*
    | Public profiles
    */
    router.get('/users/:username', [controllers.Users, 'show']).as('users.show')
    router
      .get('/usernames/:username/availability', [controllers.Users, 'availability'])
      .as('usernames.availability')
  })
  .prefix('/api/v1')
  .use([middleware.silentAuth(), apiThrottle])
