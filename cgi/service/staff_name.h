/* How a staff member's name is shown to customers (the tracking page):
 * the admin chooses, in settings.track_staff_name, between
 *
 *   full     the name as stored in the account ("张伟 Zhang Wei"),
 *   surname  the family name and 师傅, the usual way a customer addresses
 *            a repair technician ("王师傅"), the default, and
 *   hidden   no name at all (the page says only "a technician").
 *
 * The surname rule reads the leading run of Chinese characters of the
 * stored name (demo names are "王主管 Wang", "张师傅 Zhang"):
 *   - its first two characters when they are one of the common two-
 *     character surnames (欧阳, 司马, 诸葛 ...) and the run is longer than
 *     two characters ("欧阳娜娜" → 欧阳师傅, but "欧阳" alone → 欧师傅);
 *   - else its first character ("王师傅 Wang" → 王师傅, "李四" → 李师傅).
 * A name without Chinese characters shows its first word followed by a
 * space and 师傅 ("John Smith" → "John 师傅"); an empty name shows nothing. */
#ifndef SL_STAFF_NAME_H
#define SL_STAFF_NAME_H

struct arena;

enum staff_name_mode { SNM_FULL, SNM_SURNAME, SNM_HIDDEN, SNM__MAX };

/* The stored setting value of a mode ("full", "surname", "hidden"). */
const char *staff_name_mode_key(enum staff_name_mode);
/* The mode of a stored value; SNM_SURNAME for NULL or an unknown value. */
enum staff_name_mode staff_name_mode_parse(const char *v);
/* The name to show for mode; NULL when nothing is to be shown (hidden,
 * empty name). Arena-allocated or name itself. */
const char *staff_public_name(struct arena *, const char *name, enum staff_name_mode);

#endif
