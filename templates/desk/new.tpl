{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<section class="card narrow q-new">
  <p class="q-back"><a href="/desk/">← {{Q_NEW_BACK}}</a></p>
  <h1>{{PAGE_TITLE}}</h1>
  <p class="muted small">{{Q_NEW_INTRO}}</p>
  {{#FORM_HAS_ERRORS}}
  <div class="note bad" role="alert" id="errors">
    <p class="q-error-head">{{FORM_ERRORS}}</p>
    <ul class="q-error-list">{{#ERROR_ITEM}}<li><a href="#{{FIELD}}">{{LABEL}}</a>{{Q_COLON}}{{MSG}}</li>{{/ERROR_ITEM}}</ul>
  </div>
  {{/FORM_HAS_ERRORS}}
  <form method="post" action="/desk/new" enctype="multipart/form-data" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" id="form_token" name="form_token" value="{{VAL_form_token}}">

    <fieldset class="stack">
      <legend>{{Q_NEW_SECTION_TAKE}}</legend>
      <label for="channel">{{Q_NEW_CHANNEL}}</label>
      <select id="channel" name="channel" required{{#ERR_channel}} aria-invalid="true" aria-describedby="channel-err"{{/ERR_channel}}>
        {{#CHANNEL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CHANNEL_OPTION}}
      </select>
      {{#ERR_channel}}<p class="field-error" id="channel-err">{{MSG}}</p>{{/ERR_channel}}

      <label for="priority">{{Q_NEW_PRIORITY}}</label>
      <select id="priority" name="priority" required{{#ERR_priority}} aria-invalid="true" aria-describedby="priority-err"{{/ERR_priority}}>
        {{#PRIORITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PRIORITY_OPTION}}
      </select>
      {{#ERR_priority}}<p class="field-error" id="priority-err">{{MSG}}</p>{{/ERR_priority}}
    </fieldset>

    <fieldset class="stack">
      <legend>{{Q_NEW_SECTION_CONTACT}}</legend>
      <label for="name">{{Q_NEW_NAME}}</label>
      <input id="name" name="name" value="{{VAL_name}}" maxlength="50" autocomplete="off" required{{#ERR_name}} aria-invalid="true" aria-describedby="name-err"{{/ERR_name}}>
      {{#ERR_name}}<p class="field-error" id="name-err">{{MSG}}</p>{{/ERR_name}}

      <label for="phone">{{Q_NEW_PHONE}}</label>
      <input id="phone" name="phone" type="tel" inputmode="tel" value="{{VAL_phone}}" maxlength="40" autocomplete="off" placeholder="{{PHONE_PLACEHOLDER}}" required aria-describedby="phone-hint{{#ERR_phone}} phone-err{{/ERR_phone}}"{{#ERR_phone}} aria-invalid="true"{{/ERR_phone}}>
      {{#ERR_phone}}<p class="field-error" id="phone-err">{{MSG}}</p>{{/ERR_phone}}
      <p class="q-hint" id="phone-hint">{{PHONE_HINT}}</p>

      <label for="email">{{Q_NEW_EMAIL}} <span class="opt">{{Q_NEW_OPTIONAL}}</span></label>
      <input id="email" name="email" type="email" inputmode="email" value="{{VAL_email}}" maxlength="254" autocomplete="off"{{#ERR_email}} aria-invalid="true" aria-describedby="email-err"{{/ERR_email}}>
      {{#ERR_email}}<p class="field-error" id="email-err">{{MSG}}</p>{{/ERR_email}}

      <label for="address">{{Q_NEW_ADDRESS}} <span class="opt">{{Q_NEW_OPTIONAL}}</span></label>
      <input id="address" name="address" value="{{VAL_address}}" maxlength="255" autocomplete="off"{{#ERR_address}} aria-invalid="true" aria-describedby="address-err"{{/ERR_address}}>
      {{#ERR_address}}<p class="field-error" id="address-err">{{MSG}}</p>{{/ERR_address}}
    </fieldset>

    <fieldset class="stack">
      <legend>{{Q_NEW_SECTION_FAULT}}</legend>
      <label for="category">{{Q_NEW_CATEGORY}}</label>
      <select id="category" name="category" required{{#ERR_category}} aria-invalid="true" aria-describedby="category-err"{{/ERR_category}}>
        <option value="">{{Q_NEW_CATEGORY_CHOOSE}}</option>
        {{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}
      </select>
      {{#ERR_category}}<p class="field-error" id="category-err">{{MSG}}</p>{{/ERR_category}}

      <label for="product">{{Q_NEW_PRODUCT}} <span class="opt">{{Q_NEW_OPTIONAL}}</span></label>
      <input id="product" name="product" value="{{VAL_product}}" maxlength="100"{{#ERR_product}} aria-invalid="true" aria-describedby="product-err"{{/ERR_product}}>
      {{#ERR_product}}<p class="field-error" id="product-err">{{MSG}}</p>{{/ERR_product}}

      <label for="serial">{{Q_NEW_SERIAL}} <span class="opt">{{Q_NEW_OPTIONAL}}</span></label>
      <input id="serial" name="serial" value="{{VAL_serial}}" maxlength="64" autocapitalize="characters" spellcheck="false"{{#ERR_serial}} aria-invalid="true" aria-describedby="serial-err"{{/ERR_serial}}>
      {{#ERR_serial}}<p class="field-error" id="serial-err">{{MSG}}</p>{{/ERR_serial}}

      <label for="description">{{Q_NEW_DESCRIPTION}}</label>
      <textarea id="description" name="description" rows="5" maxlength="4000" required aria-describedby="description-hint{{#ERR_description}} description-err{{/ERR_description}}"{{#ERR_description}} aria-invalid="true"{{/ERR_description}}>{{VAL_description:pre_escape}}</textarea>
      {{#ERR_description}}<p class="field-error" id="description-err">{{MSG}}</p>{{/ERR_description}}
      <p class="q-hint" id="description-hint">{{Q_NEW_DESCRIPTION_HINT}}</p>

      <label for="photo">{{Q_NEW_PHOTO}} <span class="opt">{{Q_NEW_OPTIONAL}}</span></label>
      <input id="photo" name="photo" type="file" multiple accept="image/jpeg,image/png,image/webp" aria-describedby="photo-hint{{#ERR_photo}} photo-err{{/ERR_photo}}"{{#ERR_photo}} aria-invalid="true"{{/ERR_photo}}>
      {{#ERR_photo}}<p class="field-error" id="photo-err">{{MSG}}</p>{{/ERR_photo}}
      <p class="q-hint" id="photo-hint">{{Q_NEW_PHOTO_HINT}}</p>
    </fieldset>

    {{#ERR_form_token}}<p class="field-error" id="form_token-err">{{MSG}}</p>{{/ERR_form_token}}
    <label class="q-check"><input type="checkbox" name="auto_dispatch" value="1"{{#AUTO_DISPATCH_CHECKED}} checked{{/AUTO_DISPATCH_CHECKED}}> {{Q_NEW_AUTO_DISPATCH}}</label>
    <button type="submit" class="primary">{{Q_NEW_SUBMIT}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
