{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<section class="card narrow intake">
<h1>{{PAGE_TITLE}}</h1>
<p class="muted small">{{REPAIR_INTRO}}</p>
<p class="small lookup-link"><a href="/track" id="lookup-link">{{LOOKUP_LINK}}</a></p>{{#FORM_HAS_ERRORS}}
<div class="note bad" role="alert" id="errors">
<p class="error-head">{{FORM_ERRORS}}</p>
<ul class="error-list">{{#ERROR_ITEM}}<li><a href="#{{FIELD}}">{{LABEL}}</a>{{TRACK_COLON}}{{MSG}}</li>{{/ERROR_ITEM}}</ul>
</div>{{/FORM_HAS_ERRORS}}
<form method="post" action="/repair" enctype="multipart/form-data" class="stack" id="repair-form" data-sending="{{REPAIR_SENDING}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" id="form_token" name="form_token" value="{{VAL_form_token}}">
<fieldset class="stack">
<legend>{{REPAIR_SECTION_CONTACT}}</legend>
<label for="name">{{REPAIR_NAME}}</label>
<input id="name" name="name" value="{{VAL_name}}" maxlength="50" autocomplete="name" required{{#ERR_name}} aria-invalid="true" aria-describedby="name-err"{{/ERR_name}}>{{#ERR_name}}
<p class="field-error" id="name-err">{{MSG}}</p>{{/ERR_name}}
<label for="phone">{{REPAIR_PHONE}}</label>
<input id="phone" name="phone" type="tel" value="{{VAL_phone}}" maxlength="40" autocomplete="tel" placeholder="{{PHONE_PLACEHOLDER}}" required aria-describedby="phone-hint{{#ERR_phone}} phone-err{{/ERR_phone}}"{{#ERR_phone}} aria-invalid="true"{{/ERR_phone}}>{{#ERR_phone}}
<p class="field-error" id="phone-err">{{MSG}}</p>{{/ERR_phone}}
<p class="hint" id="phone-hint">{{PHONE_HINT}}</p>
<label for="email">{{REPAIR_EMAIL}} <span class="opt">{{REPAIR_OPTIONAL}}</span></label>
<input id="email" name="email" type="email" value="{{VAL_email}}" maxlength="254" autocomplete="email"{{#ERR_email}} aria-invalid="true" aria-describedby="email-err"{{/ERR_email}}>{{#ERR_email}}
<p class="field-error" id="email-err">{{MSG}}</p>{{/ERR_email}}
<label for="address">{{REPAIR_ADDRESS}} <span class="opt">{{REPAIR_OPTIONAL}}</span></label>
<input id="address" name="address" value="{{VAL_address}}" maxlength="255" autocomplete="street-address"{{#ERR_address}} aria-invalid="true" aria-describedby="address-err"{{/ERR_address}}>{{#ERR_address}}
<p class="field-error" id="address-err">{{MSG}}</p>{{/ERR_address}}
</fieldset>
<fieldset class="stack">
<legend>{{REPAIR_SECTION_FAULT}}</legend>
<label for="category">{{REPAIR_CATEGORY}}</label>
<select id="category" name="category" required{{#ERR_category}} aria-invalid="true" aria-describedby="category-err"{{/ERR_category}}>
<option value="">{{REPAIR_CATEGORY_CHOOSE}}</option>{{#CATEGORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}
</select>{{#ERR_category}}
<p class="field-error" id="category-err">{{MSG}}</p>{{/ERR_category}}
<label for="product">{{REPAIR_PRODUCT}} <span class="opt">{{REPAIR_OPTIONAL}}</span></label>
<input id="product" name="product" value="{{VAL_product}}" maxlength="100"{{#ERR_product}} aria-invalid="true" aria-describedby="product-err"{{/ERR_product}}>{{#ERR_product}}
<p class="field-error" id="product-err">{{MSG}}</p>{{/ERR_product}}
<label for="serial">{{REPAIR_SERIAL}} <span class="opt">{{REPAIR_OPTIONAL}}</span></label>
<input id="serial" name="serial" value="{{VAL_serial}}" maxlength="64" autocapitalize="characters" spellcheck="false" aria-describedby="serial-hint{{#ERR_serial}} serial-err{{/ERR_serial}}"{{#ERR_serial}} aria-invalid="true"{{/ERR_serial}}>{{#ERR_serial}}
<p class="field-error" id="serial-err">{{MSG}}</p>{{/ERR_serial}}
<p class="hint" id="serial-hint">{{REPAIR_SERIAL_HINT}}</p>
<label for="description">{{REPAIR_DESCRIPTION}}</label>
<textarea id="description" name="description" rows="5" maxlength="4000" required aria-describedby="description-hint{{#ERR_description}} description-err{{/ERR_description}}"{{#ERR_description}} aria-invalid="true"{{/ERR_description}}>{{VAL_description:pre_escape}}</textarea>{{#ERR_description}}
<p class="field-error" id="description-err">{{MSG}}</p>{{/ERR_description}}
<p class="hint" id="description-hint">{{REPAIR_DESCRIPTION_HINT}}</p>
<label for="photo">{{REPAIR_PHOTO}} <span class="opt">{{REPAIR_OPTIONAL}}</span></label>
<input id="photo" name="photo" type="file" multiple accept="image/jpeg,image/png,image/webp" data-max="{{MAX_PHOTOS}}" data-max-bytes="{{MAX_PHOTO_BYTES}}" data-msg-count="{{PHOTO_ERR_COUNT}}" data-msg-size="{{PHOTO_ERR_SIZE}}" aria-describedby="photo-hint{{#ERR_photo}} photo-err{{/ERR_photo}}"{{#ERR_photo}} aria-invalid="true"{{/ERR_photo}}>{{#ERR_photo}}
<p class="field-error" id="photo-err">{{MSG}}</p>{{/ERR_photo}}{{#PHOTO_RESELECT}}
<p class="note warn small">{{REPAIR_PHOTO_RESELECT}}</p>{{/PHOTO_RESELECT}}
<p class="hint" id="photo-hint">{{REPAIR_PHOTO_HINT}}</p>
</fieldset>
<button type="submit" class="primary wide">{{REPAIR_SUBMIT}}</button>
<p class="hint">{{REPAIR_PRIVACY}}</p>
</form>
</section>
<script src="/static/js/repair.js" defer></script>
{{>LAYOUT_FOOT}}{{!
  The busiest public page (often on a phone inside WeChat): kept short.
  No indentation, each problem on its field's line (an empty section
  leaves no blank line); type="tel"/"email" already choose the keyboard.
}}
