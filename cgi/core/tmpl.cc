// Adapter over ctemplate for the C code. The only C++ in ServiceLoop.
#include "tmpl.h"

extern "C" {
#include "arena.h"
}

#include <ctemplate/template.h>
#include <cstdio>
#include <cstring>
#include <string>

struct tmpl_dict;  // opaque in C; really a ctemplate::TemplateDictionary

static ctemplate::TemplateDictionary *
D(tmpl_dict *d)
{
	return reinterpret_cast<ctemplate::TemplateDictionary *>(d);
}

static tmpl_dict *
C(ctemplate::TemplateDictionary *d)
{
	return reinterpret_cast<tmpl_dict *>(d);
}

extern "C" int
tmpl_init(const char *root_dir)
{
	ctemplate::TemplateCache *tc = ctemplate::mutable_default_template_cache();
	return tc->SetTemplateRootDirectory(root_dir) ? 0 : -1;
}

extern "C" tmpl_dict *
tmpl_new(void)
{
	return C(new ctemplate::TemplateDictionary("page"));
}

extern "C" void
tmpl_free(tmpl_dict *d)
{
	delete D(d);
}

extern "C" void
tmpl_set(tmpl_dict *d, const char *key, const char *val)
{
	D(d)->SetValue(key, val != NULL ? val : "");
}

extern "C" void
tmpl_setn(tmpl_dict *d, const char *key, const char *val, size_t len)
{
	D(d)->SetValue(key, ctemplate::TemplateString(val, len));
}

extern "C" void
tmpl_set_int(tmpl_dict *d, const char *key, long long val)
{
	D(d)->SetFormattedValue(key, "%lld", val);
}

extern "C" void
tmpl_set_global(tmpl_dict *d, const char *key, const char *val)
{
	D(d)->SetTemplateGlobalValue(key, val != NULL ? val : "");
}

extern "C" void
tmpl_set_global_static(tmpl_dict *d, const char *key, const char *val)
{
	D(d)->SetTemplateGlobalValueWithoutCopy(key, val);
}

extern "C" void
tmpl_set_process_value(const char *key, const char *val)
{
	ctemplate::TemplateDictionary::SetGlobalValue(key, val);
}

extern "C" tmpl_dict *
tmpl_add_section(tmpl_dict *d, const char *section)
{
	return C(D(d)->AddSectionDictionary(section));
}

extern "C" void
tmpl_show_section(tmpl_dict *d, const char *section)
{
	D(d)->ShowSection(section);
}

extern "C" tmpl_dict *
tmpl_add_include(tmpl_dict *d, const char *name, const char *file)
{
	ctemplate::TemplateDictionary *inc = D(d)->AddIncludeDictionary(name);
	inc->SetFilename(file);
	return C(inc);
}

extern "C" char *
tmpl_render(struct arena *a, const char *file, tmpl_dict *d, size_t *len)
{
	static size_t hint;   // the largest output so far (up to 1 MiB): grown once, not doubled
	std::string out;
	char *p;

	out.reserve(hint);
	if (!ctemplate::ExpandTemplate(file, ctemplate::STRIP_BLANK_LINES, D(d), &out)) {
		std::fprintf(stderr, "{\"level\":\"error\",\"msg\":\"template failed\",\"file\":\"%s\"}\n", file);
		return NULL;
	}
	if (out.size() > hint && out.size() <= (1u << 20))
		hint = out.size();
	p = static_cast<char *>(arena_alloc(a, out.size() + 1));
	std::memcpy(p, out.data(), out.size());
	p[out.size()] = '\0';
	if (len != NULL)
		*len = out.size();
	return p;
}
