import { defineConfig } from '@adonisjs/core/bodyparser'

/**
 * Bodies over 1 MiB answer 413 (the list import route raises its own limit). Values are not
 * trimmed here: passwords are compared exactly as typed; validators trim the other fields.
 */
const bodyParserConfig = defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],

  form: {
    convertEmptyStringsToNull: true,
    trimWhitespaces: false,
    types: ['application/x-www-form-urlencoded'],
    limit: '1mb',
  },

  json: {
    convertEmptyStringsToNull: true,
    trimWhitespaces: false,
    types: ['application/json', 'application/json-patch+json', 'application/vnd.api+json'],
    limit: '1mb',
  },

  raw: {
    types: ['application/xml', 'text/xml'],
    limit: '10mb',
  },

  multipart: {
    autoProcess: true,
    convertEmptyStringsToNull: true,
    trimWhitespaces: false,
    processManually: [],
    limit: '10mb',
    types: ['multipart/form-data'],
  },
})

export default bodyParserConfig
