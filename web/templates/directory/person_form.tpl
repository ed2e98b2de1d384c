{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/lawyers">{{_ Find a lawyer _}}</a>{{#EDITING}} › <a href="/people/{{SLUG}}">{{NAME}}</a>{{/EDITING}}</p>
<h1>{{TITLE}}</h1>
{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
<form class="form form-wide" method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  {{#CREATING}}<fieldset>
    <legend>{{_ The roll _}}</legend>
    <div class="field">
      <label for="bar">{{_ Bar _}}</label>
      <select id="bar" name="bar">
        {{#BAR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/BAR_OPTION}}
      </select>
      {{#BAR_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/BAR_ERROR}}
    </div>
    <div class="field">
      <label for="roll_number">{{_ Roll number _}}</label>
      <input id="roll_number" name="roll_number" maxlength="50" value="{{ROLL_NUMBER}}">
      {{#ROLL_NUMBER_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ROLL_NUMBER_ERROR}}
    </div>
    <div class="field">
      <label for="admitted_on">{{_ Admitted on _}}</label>
      <input id="admitted_on" name="admitted_on" maxlength="10" value="{{ADMITTED_ON}}" aria-describedby="admitted-hint">
      <p class="hint" id="admitted-hint">{{_ YYYY-MM-DD, YYYY-MM or YYYY; leave empty if unknown. _}}</p>
      {{#ADMITTED_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ADMITTED_ON_ERROR}}
    </div>
    <div class="field">
      <label for="status">{{_ Status _}}</label>
      <select id="status" name="status">
        {{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}
      </select>
      {{#STATUS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/STATUS_ERROR}}
    </div>
  </fieldset>{{/CREATING}}
  <fieldset>
    <legend>{{_ Names _}}</legend>
    <p class="hint">{{_ The name as written is kept as it is; other spellings, transliterations and passport names are added as variants. Empty rows are ignored. _}}</p>
    {{#NAMES_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NAMES_ERROR}}
    <table class="rows">
      <thead><tr><th scope="col">{{_ Name _}}</th><th scope="col">{{_ Kind _}}</th><th scope="col">{{_ Language _}}</th><th scope="col">{{_ Note _}}</th></tr></thead>
      <tbody>
      {{#FIRST_NAME}}<tr>
        <td><input id="name_full_{{K}}" name="name_full_{{K}}" maxlength="300" value="{{FULL_NAME}}" aria-label="{{_ Name as written _}}"></td>
        <td>{{_ as written _}}</td>
        <td><input name="name_language_{{K}}" maxlength="3" size="4" value="{{LANGUAGE}}" aria-label="{{_ Language _}}"></td>
        <td><input name="name_note_{{K}}" maxlength="200" value="{{NOTE}}" aria-label="{{_ Note _}}"></td>
      </tr>{{/FIRST_NAME}}
      {{#NAME_ROW}}<tr>
        <td><input id="name_full_{{K}}" name="name_full_{{K}}" maxlength="300" value="{{FULL_NAME}}" aria-label="{{_ Other name _}}"></td>
        <td><select name="name_kind_{{K}}" aria-label="{{_ Kind _}}">{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select></td>
        <td><input name="name_language_{{K}}" maxlength="3" size="4" value="{{LANGUAGE}}" aria-label="{{_ Language _}}"></td>
        <td><input name="name_note_{{K}}" maxlength="200" value="{{NOTE}}" aria-label="{{_ Note _}}"></td>
      </tr>{{/NAME_ROW}}
      </tbody>
    </table>
  </fieldset>
  <div class="field">
    <label for="gender">{{_ Gender _}}</label>
    <select id="gender" name="gender">
      {{#GENDER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/GENDER_OPTION}}
    </select>
    {{#GENDER_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/GENDER_ERROR}}
  </div>
  <div class="field">
    <label for="city">{{_ City _}}</label>
    <input id="city" name="city" maxlength="200" value="{{CITY}}">
    {{#CITY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CITY_ERROR}}
  </div>
  <div class="field">
    <label for="languages">{{_ Languages spoken _}}</label>
    <input id="languages" name="languages" maxlength="200" value="{{LANGUAGES}}" aria-describedby="languages-hint">
    <p class="hint" id="languages-hint">{{_ ISO codes separated by commas, such as fr, ru, kk. _}}</p>
    {{#LANGUAGES_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/LANGUAGES_ERROR}}
  </div>
  <div class="field">
    <label for="practice_areas">{{_ Practice areas _}}</label>
    <input id="practice_areas" name="practice_areas" maxlength="1000" value="{{PRACTICE_AREAS}}" aria-describedby="areas-hint">
    <p class="hint" id="areas-hint">{{_ Separated by commas. _}}</p>
    {{#PRACTICE_AREAS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/PRACTICE_AREAS_ERROR}}
  </div>
  <fieldset>
    <legend>{{_ Contact _}}</legend>
    <p class="hint">{{_ Each detail is shown only to those you choose. Empty rows are ignored. _}}</p>
    {{#CONTACTS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CONTACTS_ERROR}}
    <table class="rows">
      <thead><tr><th scope="col">{{_ Kind _}}</th><th scope="col">{{_ Detail _}}</th><th scope="col">{{_ Who may see it _}}</th></tr></thead>
      <tbody>
      {{#CONTACT_ROW}}<tr>
        <td><select name="contact_kind_{{K}}" aria-label="{{_ Kind _}}">{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select></td>
        <td><input name="contact_value_{{K}}" maxlength="300" value="{{VALUE}}" aria-label="{{_ Detail _}}"></td>
        <td><select name="contact_visibility_{{K}}" aria-label="{{_ Who may see it _}}">{{#VISIBILITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/VISIBILITY_OPTION}}</select></td>
      </tr>{{/CONTACT_ROW}}
      </tbody>
    </table>
  </fieldset>
  <p><button class="button" type="submit">{{_ Save _}}</button></p>
</form>

{{#EDITING}}<section aria-labelledby="membership-heading" class="panel">
  <h2 id="membership-heading">{{_ Add or update a roll membership _}}</h2>
  {{#MEMBERSHIP_ERRORS}}{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
    {{#BAR_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/BAR_ERROR}}{{#ROLL_NUMBER_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ROLL_NUMBER_ERROR}}
    {{#ADMITTED_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ADMITTED_ON_ERROR}}{{#STATUS_SINCE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/STATUS_SINCE_ERROR}}{{/MEMBERSHIP_ERRORS}}
  <form class="form form-inline" method="post" action="/people/{{SLUG}}/memberships">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field"><label for="m-bar">{{_ Bar _}}</label>
      <select id="m-bar" name="bar">{{#BAR_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/BAR_OPTION}}</select></div>
    <div class="field"><label for="m-roll">{{_ Roll number _}}</label><input id="m-roll" name="roll_number" maxlength="50"></div>
    <div class="field"><label for="m-admitted">{{_ Admitted on _}}</label><input id="m-admitted" name="admitted_on" maxlength="10" placeholder="{{_ YYYY-MM-DD _}}"></div>
    <div class="field"><label for="m-status">{{_ Status _}}</label>
      <select id="m-status" name="status">{{#STATUS_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/STATUS_OPTION}}</select></div>
    <div class="field"><label for="m-since">{{_ Status since _}}</label><input id="m-since" name="status_since" maxlength="10" placeholder="{{_ YYYY-MM-DD _}}"></div>
    <button class="button" type="submit">{{_ Save the membership _}}</button>
  </form>
</section>

<section aria-labelledby="position-heading" class="panel">
  <h2 id="position-heading">{{_ Add a position _}}</h2>
  {{#POSITION_ERRORS}}{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
    {{#ORGANIZATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ORGANIZATION_ERROR}}{{#TITLE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TITLE_ERROR}}
    {{#STARTS_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/STARTS_ON_ERROR}}{{#ENDS_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ENDS_ON_ERROR}}
    {{#ATTESTED_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ATTESTED_ON_ERROR}}{{/POSITION_ERRORS}}
  <p class="hint">{{_ Dates as YYYY-MM-DD, YYYY-MM or YYYY. When the sources give no term, leave start and end empty and give the date a source shows the position held. _}}</p>
  <form class="form form-inline" method="post" action="/people/{{SLUG}}/positions">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field"><label for="p-title">{{_ Position held _}}</label>
      <select id="p-title" name="title">{{#TITLE_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/TITLE_OPTION}}</select></div>
    <div class="field"><label for="p-organization">{{_ Organization _}}</label>
      <select id="p-organization" name="organization">{{#ORGANIZATION_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ORGANIZATION_OPTION}}</select></div>
    <div class="field"><label for="p-starts">{{_ From _}}</label><input id="p-starts" name="starts_on" maxlength="10"></div>
    <div class="field"><label for="p-ends">{{_ Until _}}</label><input id="p-ends" name="ends_on" maxlength="10"></div>
    <div class="field"><label for="p-attested">{{_ Attested on _}}</label><input id="p-attested" name="attested_on" maxlength="10"></div>
    <div class="field"><label for="p-source">{{_ Source _}}</label><input id="p-source" name="source" maxlength="300"></div>
    <button class="button" type="submit">{{_ Add the position _}}</button>
  </form>
</section>{{/EDITING}}
