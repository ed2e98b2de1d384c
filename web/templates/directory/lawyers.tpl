{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Find a lawyer _}}</h1>
<p class="lead">{{_ Search the rolls of every bar by name, in Latin or Cyrillic letters, with or without accents. A typo is forgiven. _}}</p>
<form class="form search-form" method="get" action="/lawyers" role="search">
  <div class="field field-wide">
    <label for="q">{{_ Name _}}</label>
    <input id="q" name="q" type="search" value="{{Q}}" autocomplete="off" maxlength="200"
           hx-get="/lawyers/results" hx-trigger="input changed delay:250ms, search" hx-target="#lawyer-results"
           hx-include="closest form" hx-indicator="#search-indicator" aria-describedby="search-hint">
    <p class="hint" id="search-hint">{{_ For example: kanafin, Данияр, Sûr _}}</p>
  </div>
  <div class="filters">
    <div class="field">
      <label for="bar">{{_ Bar _}}</label>
      <select id="bar" name="bar">
        <option value="">{{_ All bars _}}</option>
        {{#BAR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/BAR_OPTION}}
      </select>
    </div>
    <div class="field">
      <label for="jurisdiction">{{_ Jurisdiction _}}</label>
      <select id="jurisdiction" name="jurisdiction">
        <option value="">{{_ All _}}</option>
        {{#JURISDICTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/JURISDICTION_OPTION}}
      </select>
    </div>
    <div class="field">
      <label for="language">{{_ Language spoken _}}</label>
      <select id="language" name="language">
        <option value="">{{_ Any _}}</option>
        {{#LANGUAGE_OPTION}}<option value="{{CODE}}" lang="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/LANGUAGE_OPTION}}
      </select>
    </div>
    <div class="field">
      <label for="city">{{_ City _}}</label>
      <input id="city" name="city" value="{{CITY}}" maxlength="100">
    </div>
    <div class="field">
      <label for="practice_area">{{_ Practice area _}}</label>
      <input id="practice_area" name="practice_area" value="{{PRACTICE_AREA}}" maxlength="100">
    </div>
    <div class="field">
      <label for="status">{{_ Status _}}</label>
      <select id="status" name="status">
        {{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}
      </select>
    </div>
  </div>
  <button class="button" type="submit">{{_ Search _}}</button>
  <span id="search-indicator" class="htmx-indicator">{{_ Searching… _}}</span>
</form>
<div id="lawyer-results" aria-live="polite">
{{>RESULTS}}
</div>
