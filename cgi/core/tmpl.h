/* The C face of ctemplate (the one C++ file of the project is tmpl.cc).
 * A dictionary tree is created per request and freed by tmpl_free() on the
 * root; section and include dictionaries belong to their parent. Templates
 * are found under the template root and must start with AUTOESCAPE. */
#ifndef SL_TMPL_H
#define SL_TMPL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tmpl_dict tmpl_dict;
struct arena;

int	   tmpl_init(const char *root_dir);      /* 0 ok */
tmpl_dict *tmpl_new(void);
void	   tmpl_free(tmpl_dict *);
void	   tmpl_set(tmpl_dict *, const char *key, const char *val);  /* NULL → "" */
void	   tmpl_setn(tmpl_dict *, const char *key, const char *val, size_t len);
void	   tmpl_set_int(tmpl_dict *, const char *key, long long val);
/* Values every dictionary of this tree sees (e.g. message catalog). */
void	   tmpl_set_global(tmpl_dict *, const char *key, const char *val);
/* The same for a value that outlives the dictionary (a string literal):
 * not copied. */
void	   tmpl_set_global_static(tmpl_dict *, const char *key, const char *val);
/* A value every dictionary of the process sees, below its own values
 * (copied once; for values that never change, such as a catalog). */
void	   tmpl_set_process_value(const char *key, const char *val);
tmpl_dict *tmpl_add_section(tmpl_dict *, const char *section);   /* one more repetition */
void	   tmpl_show_section(tmpl_dict *, const char *section);
tmpl_dict *tmpl_add_include(tmpl_dict *, const char *name, const char *file);
/* Render file (relative to the root) into arena memory; returns NULL when the
 * template is missing or fails to parse (the reason goes to stderr). */
char	  *tmpl_render(struct arena *, const char *file, tmpl_dict *, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
