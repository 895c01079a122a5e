/* Small ticket helpers without database access: tracking codes and photo
 * type detection by content. */
#include "ticket.h"

#include <sodium.h>
#include <string.h>

static const char b32[] = "abcdefghijklmnopqrstuvwxyz234567";

/* 128 random bits as 26 base32 characters (the last carries 3 bits). */
void
ticket_new_code(char out[27])
{
	unsigned char b[16];
	unsigned acc = 0;
	int bits = 0, i, o = 0;

	randombytes_buf(b, sizeof(b));
	for (i = 0; i < 16; i++) {
		acc = (acc << 8) | b[i];
		bits += 8;
		while (bits >= 5) {
			out[o++] = b32[(acc >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0)
		out[o++] = b32[(acc << (5 - bits)) & 31];
	out[o] = '\0';
}

int
ticket_code_valid(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) != 26)
		return 0;
	for (i = 0; i < 26; i++)
		if (strchr(b32, s[i]) == NULL || s[i] == '\0')
			return 0;
	return 1;
}

const char *
ticket_photo_type(const unsigned char *d, size_t n)
{
	static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	if (n >= 4 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
		return "image/jpeg";
	if (n >= 16 && memcmp(d, png, 8) == 0)
		return "image/png";
	if (n >= 16 && memcmp(d, "RIFF", 4) == 0 && memcmp(d + 8, "WEBP", 4) == 0)
		return "image/webp";
	return NULL;
}
