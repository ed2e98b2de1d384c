{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/agreements">{{_ Agreements _}}</a>{{#EDITING}} › <a href="/agreements/{{SLUG_BEFORE}}">{{SLUG_BEFORE}}</a>{{/EDITING}}</p>
<h1>{{HEADING}}</h1>
{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
<form class="form agreement-form" method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <p class="hint" id="unknown-hint">{{_ Leave empty what the sources do not give: it is shown as unknown. _}}</p>

  <fieldset class="panel">
    <legend>{{_ The agreement _}}</legend>
    <div class="field">
      <label for="slug">{{_ Address (slug) _}}</label>
      <input id="slug" name="slug" required maxlength="100" pattern="[a-z0-9-]+" value="{{SLUG}}" aria-describedby="slug-hint">
      <p class="hint" id="slug-hint">{{_ Lower-case letters, digits and hyphens, e.g. paris-almaty-2014. _}}</p>
      {{#SLUG_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SLUG_ERROR}}
    </div>
    <div class="field">
      <label for="kind">{{_ Kind _}}</label>
      <select id="kind" name="kind">{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select>
      {{#KIND_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/KIND_ERROR}}
    </div>
    <div class="field">
      <label for="status">{{_ Status _}}</label>
      <select id="status" name="status">{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select>
      {{#STATUS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/STATUS_ERROR}}
    </div>
    <div class="field">
      <label for="visibility">{{_ Who may see it _}}</label>
      <select id="visibility" name="visibility">{{#VISIBILITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/VISIBILITY_OPTION}}</select>
      {{#VISIBILITY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/VISIBILITY_ERROR}}
    </div>
    <input type="hidden" name="text_language" value="{{TEXT_LANGUAGE}}">
    <p class="hint">{{_ The texts of this form are in the language of the page. To write them in another language, switch the page to it. _}} <span lang="{{TEXT_LANGUAGE}}">({{TEXT_LANGUAGE_NAME}})</span></p>
    <div class="field field-wide">
      <label for="title">{{_ Title _}}</label>
      <input id="title" name="title" maxlength="4000" value="{{TITLE}}">
      {{#TITLE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TITLE_ERROR}}
    </div>
  </fieldset>

  <fieldset class="panel">
    <legend>{{_ Signing and dates _}}</legend>
    <p class="hint" id="date-hint">{{_ Dates: YYYY-MM-DD, YYYY-MM, YYYY, or a range YYYY-MM-DD/YYYY-MM-DD. _}}</p>
    <div class="field">
      <label for="signed_on">{{_ Signed _}}</label>
      <input id="signed_on" name="signed_on" maxlength="21" value="{{SIGNED_ON}}" aria-describedby="date-hint">
      {{#SIGNED_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SIGNED_ON_ERROR}}
    </div>
    <div class="field">
      <label for="signing_place">{{_ Place of signing _}}</label>
      <input id="signing_place" name="signing_place" maxlength="200" value="{{SIGNING_PLACE}}">
    </div>
    <div class="field field-wide">
      <label for="occasion">{{_ Occasion (the event on whose sidelines it was signed) _}}</label>
      <input id="occasion" name="occasion" maxlength="400" value="{{OCCASION}}">
    </div>
    <div class="field">
      <label for="in_force_on">{{_ In force since _}}</label>
      <input id="in_force_on" name="in_force_on" maxlength="21" value="{{IN_FORCE_ON}}" aria-describedby="date-hint">
      {{#IN_FORCE_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/IN_FORCE_ON_ERROR}}
    </div>
    <div class="field">
      <label for="suspended_on">{{_ Suspended since _}}</label>
      <input id="suspended_on" name="suspended_on" maxlength="21" value="{{SUSPENDED_ON}}" aria-describedby="date-hint">
      {{#SUSPENDED_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SUSPENDED_ON_ERROR}}
    </div>
    <div class="field">
      <label for="ended_on">{{_ Ended on _}}</label>
      <input id="ended_on" name="ended_on" maxlength="21" value="{{ENDED_ON}}" aria-describedby="date-hint">
      {{#ENDED_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ENDED_ON_ERROR}}
    </div>
  </fieldset>

  <fieldset class="panel">
    <legend>{{_ Terms _}}</legend>
    <div class="field">
      <label for="term">{{_ Term _}}</label>
      <select id="term" name="term">{{#TERM_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TERM_OPTION}}</select>
      {{#TERM_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TERM_ERROR}}
    </div>
    <div class="field">
      <label for="term_months">{{_ Term in months (fixed term) _}}</label>
      <input id="term_months" name="term_months" inputmode="numeric" maxlength="4" size="6" value="{{TERM_MONTHS}}">
      {{#TERM_MONTHS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TERM_MONTHS_ERROR}}
    </div>
    <div class="field">
      <label for="renewal">{{_ Renewal _}}</label>
      <select id="renewal" name="renewal">{{#RENEWAL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/RENEWAL_OPTION}}</select>
    </div>
    <div class="field">
      <label for="notice_months">{{_ Notice period in months _}}</label>
      <input id="notice_months" name="notice_months" inputmode="numeric" maxlength="4" size="6" value="{{NOTICE_MONTHS}}">
      {{#NOTICE_MONTHS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NOTICE_MONTHS_ERROR}}
    </div>
    <div class="field">
      <label for="authentic_languages">{{_ Authentic languages (e.g. fr, ru) _}}</label>
      <input id="authentic_languages" name="authentic_languages" maxlength="50" value="{{AUTHENTIC_LANGUAGES}}">
      {{#AUTHENTIC_LANGUAGES_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/AUTHENTIC_LANGUAGES_ERROR}}
    </div>
    <div class="field">
      <label for="initiated_by">{{_ Initiated by _}}</label>
      <select id="initiated_by" name="initiated_by"><option value="">{{_ unknown _}}</option>{{#INITIATED_BY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/INITIATED_BY_OPTION}}</select>
    </div>
    <div class="field">
      <label for="supported_by">{{_ Programme or funder _}}</label>
      <select id="supported_by" name="supported_by"><option value="">{{_ unknown _}}</option>{{#SUPPORTED_BY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SUPPORTED_BY_OPTION}}</select>
    </div>
  </fieldset>

  <fieldset class="panel">
    <legend>{{_ Parties and signatories _}}</legend>
    {{#PARTIES_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/PARTIES_ERROR}}
    {{#SIGNATORIES_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SIGNATORIES_ERROR}}
    {{#PARTY_ROW}}<div class="row">
      <div class="field">
        <label for="party_{{N}}">{{_ Party _}} {{N}}</label>
        <select id="party_{{N}}" name="party_{{N}}"><option value="">—</option>{{#ORGANIZATION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ORGANIZATION_OPTION}}</select>
      </div>
      <div class="field">
        <label for="signatory_{{N}}">{{_ Signatory (address in the directory, e.g. pierre-olivier-sur) _}}</label>
        <input id="signatory_{{N}}" name="signatory_{{N}}" maxlength="100" value="{{SIGNATORY}}">
      </div>
    </div>{{/PARTY_ROW}}
  </fieldset>

  <fieldset class="panel">
    <legend>{{_ Objectives _}}</legend>
    {{#OBJECTIVES_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OBJECTIVES_ERROR}}
    {{#OBJECTIVE_ROW}}<div class="objective-row">
      {{#EXISTING}}<input type="hidden" name="objective_{{N}}_id" value="{{ID}}">{{/EXISTING}}
      <div class="field field-wide">
        <label for="objective_{{N}}_text">{{_ Objective _}} {{N}}</label>
        <textarea id="objective_{{N}}_text" name="objective_{{N}}_text" rows="2" maxlength="4000">{{TEXT}}</textarea>
        {{#OTHER_LANGUAGE}}<p class="hint">{{_ In another language: _}} <span lang="{{LANG}}">{{TEXT}}</span></p>{{/OTHER_LANGUAGE}}
      </div>
      <fieldset class="categories">
        <legend>{{_ Categories _}}</legend>
        {{#CATEGORY}}<label class="checkbox"><input type="checkbox" name="objective_{{N}}_category_{{KEY}}" value="1"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/CATEGORY}}
      </fieldset>
      {{#EXISTING}}<label class="checkbox"><input type="checkbox" name="objective_{{N}}_remove" value="1"> {{_ Remove this objective _}}</label>{{/EXISTING}}
    </div>{{/OBJECTIVE_ROW}}
  </fieldset>

  <fieldset class="panel">
    <legend>{{_ Coordinators _}}</legend>
    {{#COORDINATORS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/COORDINATORS_ERROR}}
    {{#COORDINATOR_ROW}}<div class="row">
      <div class="field">
        <label for="coordinator_{{N}}_organization">{{_ For the party _}}</label>
        <select id="coordinator_{{N}}_organization" name="coordinator_{{N}}_organization"><option value="">—</option>{{#ORGANIZATION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ORGANIZATION_OPTION}}</select>
      </div>
      <div class="field">
        <label for="coordinator_{{N}}_person">{{_ Person (address in the directory) _}}</label>
        <input id="coordinator_{{N}}_person" name="coordinator_{{N}}_person" maxlength="100" value="{{PERSON}}">
      </div>
      <div class="field">
        <label for="coordinator_{{N}}_from">{{_ From _}}</label>
        <input id="coordinator_{{N}}_from" name="coordinator_{{N}}_from" maxlength="21" size="12" value="{{FROM}}">
      </div>
      <div class="field">
        <label for="coordinator_{{N}}_until">{{_ Until _}}</label>
        <input id="coordinator_{{N}}_until" name="coordinator_{{N}}_until" maxlength="21" size="12" value="{{UNTIL}}">
      </div>
    </div>{{/COORDINATOR_ROW}}
  </fieldset>

  <button class="button" type="submit">{{_ Save _}}</button>
</form>
