{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/organizations">{{_ Organizations _}}</a>{{#EDITING}} › <a href="/organizations/{{SLUG}}">{{TITLE}}</a>{{/EDITING}}</p>
<h1>{{#EDITING}}{{_ Edit the organization _}}{{/EDITING}}{{#CREATING}}{{_ New organization _}}{{/CREATING}}</h1>
{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
<form class="form form-wide" method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <fieldset>
    <legend>{{_ Names _}}</legend>
    <p class="hint">{{_ Give the name in the languages you know; the page falls back to another language for the others, and says so. _}}</p>
    <table class="rows">
      <thead><tr><th scope="col">{{_ Language _}}</th><th scope="col">{{_ Name _}}</th><th scope="col">{{_ Also called _}}</th></tr></thead>
      <tbody>
      {{#NAME_ROW}}<tr>
        <th scope="row"><span lang="{{CODE}}">{{LANGUAGE}}</span></th>
        <td><input id="name_{{CODE}}" name="name_{{CODE}}" lang="{{CODE}}" maxlength="500" value="{{NAME}}" aria-label="{{_ Name _}} ({{CODE}})"></td>
        <td><input id="alternate_name_{{CODE}}" name="alternate_name_{{CODE}}" lang="{{CODE}}" maxlength="500" value="{{ALTERNATE}}" aria-label="{{_ Also called _}} ({{CODE}})"></td>
      </tr>{{/NAME_ROW}}
      </tbody>
    </table>
    {{#NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
    <div class="field">
      <label for="original_language">{{_ Language of the original name _}}</label>
      <select id="original_language" name="original_language">
        {{#ORIGINAL_OPTION}}<option value="{{CODE}}" lang="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/ORIGINAL_OPTION}}
      </select>
    </div>
  </fieldset>
  {{#CREATING}}<div class="field">
    <label for="slug">{{_ Address on this site _}}</label>
    <input id="slug" name="slug" required maxlength="100" pattern="[a-z0-9][a-z0-9-]*" value="{{NEW_SLUG}}" aria-describedby="slug-hint">
    <p class="hint" id="slug-hint">{{_ Lower-case letters, digits and hyphens, such as paris-bar-ethics-committee. It cannot be changed later. _}}</p>
    {{#SLUG_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SLUG_ERROR}}
  </div>{{/CREATING}}
  <div class="field">
    <label for="kind">{{_ Kind _}}</label>
    <select id="kind" name="kind">
      {{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}
    </select>
    {{#KIND_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/KIND_ERROR}}
  </div>
  <div class="field">
    <label for="parent">{{_ Part of _}}</label>
    <select id="parent" name="parent">
      {{#TOP_LEVEL_ALLOWED}}<option value="">{{_ None (a top-level organization) _}}</option>{{/TOP_LEVEL_ALLOWED}}
      {{#PARENT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PARENT_OPTION}}
    </select>
    {{#PARENT_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/PARENT_ERROR}}
  </div>
  <div class="field">
    <label for="city">{{_ City _}}</label>
    <input id="city" name="city" maxlength="200" value="{{CITY}}">
    {{#CITY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CITY_ERROR}}
  </div>
  <div class="field">
    <label for="country_code">{{_ Country code _}}</label>
    <input id="country_code" name="country_code" maxlength="2" value="{{COUNTRY_CODE}}" aria-describedby="country-hint">
    <p class="hint" id="country-hint">{{_ Two capital letters, such as FR or KZ. _}}</p>
    {{#COUNTRY_CODE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/COUNTRY_CODE_ERROR}}
  </div>
  <div class="field">
    <label for="jurisdiction">{{_ Jurisdiction _}}</label>
    <select id="jurisdiction" name="jurisdiction">
      <option value="">{{_ None _}}</option>
      {{#JURISDICTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/JURISDICTION_OPTION}}
    </select>
    {{#JURISDICTION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/JURISDICTION_ERROR}}
  </div>
  <div class="field">
    <label for="website">{{_ Website _}}</label>
    <input id="website" name="website" type="url" maxlength="300" value="{{WEBSITE}}">
    {{#WEBSITE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/WEBSITE_ERROR}}
  </div>
  <div class="field">
    <label for="visibility">{{_ Who may see it _}}</label>
    <select id="visibility" name="visibility">
      {{#VISIBILITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/VISIBILITY_OPTION}}
    </select>
    {{#VISIBILITY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/VISIBILITY_ERROR}}
  </div>
  <p><button class="button" type="submit">{{_ Save _}}</button></p>
</form>
