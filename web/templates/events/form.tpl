{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/events">{{_ Events _}}</a></p>
<h1>{{HEADING}}</h1>
<p class="muted">{{_ Leave empty what the sources do not give: it is shown as not given. _}}</p>
{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
<form class="form" method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <input type="hidden" name="text_language" value="{{TEXT_LANGUAGE}}">
  <div class="field"><label for="slug">{{_ Address (slug) _}}</label><input id="slug" name="slug" value="{{SLUG}}" required>
    {{#SLUG_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SLUG_ERROR}}</div>
  <div class="field"><label for="title">{{_ Title _}}</label><input id="title" name="title" value="{{TITLE}}">
    {{#TITLE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TITLE_ERROR}}</div>
  <div class="field"><label for="kind">{{_ Kind _}}</label>
    <select id="kind" name="kind">{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select>
    {{#KIND_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/KIND_ERROR}}</div>
  <div class="field"><label for="organizers">{{_ Organizers (directory addresses, separated by commas) _}}</label><input id="organizers" name="organizers" value="{{ORGANIZERS}}">
    {{#ORGANIZERS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ORGANIZERS_ERROR}}</div>
  <div class="field"><label for="time_zone">{{_ Time zone _}}</label><input id="time_zone" name="time_zone" value="{{TIME_ZONE}}" list="zones">
    <datalist id="zones">{{#ZONE_OPTION}}<option value="{{ZONE}}">{{/ZONE_OPTION}}</datalist>
    {{#TIME_ZONE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TIME_ZONE_ERROR}}</div>
  <div class="field"><label for="starts">{{_ Starts (local time: YYYY-MM-DD, or YYYY-MM-DDTHH:MM) _}}</label><input id="starts" name="starts" value="{{STARTS}}">
    {{#STARTS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/STARTS_ERROR}}</div>
  <div class="field"><label for="ends">{{_ Ends (local time) _}}</label><input id="ends" name="ends" value="{{ENDS}}">
    {{#ENDS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ENDS_ERROR}}</div>
  <div class="field"><label for="dates_note">{{_ Note on the dates _}}</label><input id="dates_note" name="dates_note" value="{{DATES_NOTE}}"></div>
  <div class="field"><label for="city">{{_ City _}}</label><input id="city" name="city" value="{{CITY}}"></div>
  <div class="field"><label for="venue">{{_ Venue _}}</label><input id="venue" name="venue" value="{{VENUE}}"></div>
  <div class="field"><label for="country">{{_ Country (code: FR, KZ) _}}</label><input id="country" name="country" value="{{COUNTRY}}">
    {{#COUNTRY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/COUNTRY_ERROR}}</div>
  <div class="field"><label for="description">{{_ Description _}}</label><textarea id="description" name="description" rows="5">{{DESCRIPTION}}</textarea></div>
  <div class="field"><label for="series">{{_ Series (address, optional) _}}</label><input id="series" name="series" value="{{SERIES}}">
    {{#SERIES_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SERIES_ERROR}}</div>
  <div class="field"><label for="visibility">{{_ Who may see it _}}</label>
    <select id="visibility" name="visibility">{{#VISIBILITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/VISIBILITY_OPTION}}</select>
    {{#VISIBILITY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/VISIBILITY_ERROR}}</div>
  <div class="field"><label for="registration">{{_ Registration _}}</label>
    <select id="registration" name="registration">{{#REGISTRATION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/REGISTRATION_OPTION}}</select></div>
  <div class="field"><label for="capacity">{{_ Capacity (empty: no limit) _}}</label><input id="capacity" name="capacity" inputmode="numeric" value="{{CAPACITY}}">
    {{#CAPACITY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CAPACITY_ERROR}}</div>
  <button class="button" type="submit">{{_ Save _}}</button>
</form>
