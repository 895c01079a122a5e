/* One JSON line per event on stderr (collected by the service manager). */
#ifndef SL_LOG_H
#define SL_LOG_H

void	log_msg(const char *level, const char *msg, const char *detail);

#endif
