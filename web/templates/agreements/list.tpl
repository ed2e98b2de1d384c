{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Cooperation agreements _}}</h1>
<p class="lead">{{_ What the bars have agreed to do together, who signed it, and what has been done since. _}}</p>
{{#MAY_CREATE}}<p><a class="button" href="/agreements/new">{{_ Record an agreement _}}</a></p>{{/MAY_CREATE}}
<form class="form search-form" method="get" action="/agreements" role="search" aria-label="{{_ Filter the agreements _}}">
  <div class="filters">
    <div class="field">
      <label for="party">{{_ Party _}}</label>
      <select id="party" name="party">
        <option value="">{{_ All bars _}}</option>
        {{#PARTY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PARTY_OPTION}}
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
      <label for="status">{{_ Status _}}</label>
      <select id="status" name="status">
        <option value="">{{_ Any status _}}</option>
        {{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}
      </select>
    </div>
    <div class="field">
      <label for="year">{{_ Year of signing _}}</label>
      <input id="year" name="year" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" size="6" value="{{YEAR}}">
      {{#YEAR_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/YEAR_ERROR}}
    </div>
  </div>
  <button class="button" type="submit">{{_ Filter _}}</button>
</form>
{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
<p class="muted" role="status">{{SUMMARY}}</p>
{{#NO_AGREEMENTS}}<p>{{_ No agreement matches. _}}</p>{{/NO_AGREEMENTS}}
<ul class="cards agreements">
  {{#AGREEMENT}}<li class="card">
    <h2 class="card-title"><a href="/agreements/{{SLUG}}"{{#TITLE_LANG}} lang="{{LANG}}"{{/TITLE_LANG}}>{{TITLE}}</a></h2>
    <p class="card-meta">{{KIND}} · {{STATUS}} · {{_ Signed: _}} {{SIGNED}}</p>
    <p class="card-meta">{{PARTIES}}</p>
  </li>{{/AGREEMENT}}
</ul>
<nav class="pagination" aria-label="{{_ Pages _}}">
  {{#PREVIOUS}}<a href="{{PREVIOUS_HREF}}" rel="prev">{{_ Previous page _}}</a>{{/PREVIOUS}}
  {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">{{_ Next page _}}</a>{{/NEXT}}
</nav>
