/* Nusa Raya News front-end (placeholder) */
