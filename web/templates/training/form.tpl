{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/training">{{_ Training _}}</a>{{#EDITING}} › <a href="/training/{{SLUG_BEFORE}}">{{SLUG_BEFORE}}</a>{{/EDITING}}</p>
<h1>{{HEADING}}</h1>
{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
<form class="form course-form" method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <p class="hint">{{_ Leave empty what the sources do not give: it is shown as unknown. _}}</p>

  <fieldset class="panel">
    <legend>{{_ The course _}}</legend>
    <div class="field">
      <label for="slug">{{_ Address (slug) _}}</label>
      <input id="slug" name="slug" required maxlength="100" pattern="[a-z0-9-]+" value="{{SLUG}}" aria-describedby="slug-hint">
      <p class="hint" id="slug-hint">{{_ Lower-case letters, digits and hyphens, e.g. ethics-round-table-2015. _}}</p>
      {{#SLUG_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SLUG_ERROR}}
    </div>
    {{#CREATING}}<div class="field">
      <label for="provider">{{_ Training centre _}}</label>
      <select id="provider" name="provider">
        <option value="">{{_ Choose… _}}</option>
        {{#PROVIDER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PROVIDER_OPTION}}
      </select>
      {{#PROVIDER_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/PROVIDER_ERROR}}
    </div>{{/CREATING}}
    <div class="field">
      <label for="kind">{{_ Kind _}}</label>
      <select id="kind" name="kind">{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select>
      {{#KIND_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/KIND_ERROR}}
    </div>
    <div class="field">
      <label for="format">{{_ Format _}}</label>
      <select id="format" name="format">{{#FORMAT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FORMAT_OPTION}}</select>
      {{#FORMAT_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/FORMAT_ERROR}}
    </div>
    <div class="field">
      <label for="language">{{_ Taught in _}}</label>
      <select id="language" name="language">
        <option value="">{{_ unknown _}}</option>
        {{#LANGUAGE_OPTION}}<option value="{{CODE}}" lang="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/LANGUAGE_OPTION}}
      </select>
      {{#LANGUAGE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/LANGUAGE_ERROR}}
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
    <div class="field field-wide">
      <label for="description">{{_ Description _}}</label>
      <textarea id="description" name="description" rows="4" maxlength="4000">{{DESCRIPTION}}</textarea>
      {{#DESCRIPTION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
    </div>
  </fieldset>

  <fieldset class="panel">
    <legend>{{_ When, and for how long _}}</legend>
    <p class="hint" id="date-hint">{{_ Dates: YYYY-MM-DD, YYYY-MM or YYYY. _}}</p>
    <div class="field">
      <label for="starts_on">{{_ Starts _}}</label>
      <input id="starts_on" name="starts_on" maxlength="10" value="{{STARTS_ON}}" aria-describedby="date-hint">
      {{#STARTS_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/STARTS_ON_ERROR}}
    </div>
    <div class="field">
      <label for="ends_on">{{_ Ends _}}</label>
      <input id="ends_on" name="ends_on" maxlength="10" value="{{ENDS_ON}}" aria-describedby="date-hint">
      {{#ENDS_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ENDS_ON_ERROR}}
    </div>
    <div class="field">
      <label for="nominal_hours">{{_ Hours _}}</label>
      <input id="nominal_hours" name="nominal_hours" inputmode="decimal" maxlength="10" size="6" value="{{NOMINAL_HOURS}}">
      {{#NOMINAL_HOURS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NOMINAL_HOURS_ERROR}}
    </div>
    <div class="field field-wide">
      <label for="event">{{_ Given at the event (its address, if any) _}}</label>
      <input id="event" name="event" maxlength="100" value="{{EVENT}}">
      {{#EVENT_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/EVENT_ERROR}}
    </div>
  </fieldset>

  <fieldset class="panel">
    <legend>{{_ Topics _}}</legend>
    {{#TOPIC_OPTION}}<label class="checkbox"><input type="checkbox" name="topic_{{VALUE}}" value="1"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/TOPIC_OPTION}}
    {{#TOPICS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TOPICS_ERROR}}
    <div class="field field-wide">
      <label for="practice_area">{{_ The practice area _}}</label>
      <input id="practice_area" name="practice_area" maxlength="200" value="{{PRACTICE_AREA}}">
      {{#PRACTICE_AREA_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/PRACTICE_AREA_ERROR}}
    </div>
  </fieldset>

  <fieldset class="panel">
    <legend>{{_ Accreditations _}}</legend>
    <p class="hint">{{_ The jurisdictions whose bars approved it for continuing professional development: the code (FR, KZ), the approval's reference and its date. _}}</p>
    {{#ACCREDITATIONS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ACCREDITATIONS_ERROR}}
    {{#ACCREDITATION_ROW}}<div class="row">
      <div class="field">
        <label for="accreditation_{{N}}_jurisdiction">{{_ Jurisdiction _}}</label>
        <input id="accreditation_{{N}}_jurisdiction" name="accreditation_{{N}}_jurisdiction" maxlength="10" size="5" value="{{JURISDICTION}}">
      </div>
      <div class="field">
        <label for="accreditation_{{N}}_reference">{{_ Reference _}}</label>
        <input id="accreditation_{{N}}_reference" name="accreditation_{{N}}_reference" maxlength="200" value="{{REFERENCE}}">
      </div>
      <div class="field">
        <label for="accreditation_{{N}}_approved_on">{{_ Approved _}}</label>
        <input id="accreditation_{{N}}_approved_on" name="accreditation_{{N}}_approved_on" maxlength="10" size="10" value="{{APPROVED_ON}}" aria-describedby="date-hint">
      </div>
    </div>{{/ACCREDITATION_ROW}}
  </fieldset>

  <button class="button" type="submit">{{_ Save _}}</button>
</form>
