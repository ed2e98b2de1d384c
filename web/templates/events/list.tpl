{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Events _}}</h1>
<p class="lead">{{_ Workshops, conferences, visits and celebrations where the bars meet, with their programmes in the local time of each event. _}}</p>
{{#MAY_CREATE}}<p><a class="button" href="/events/new">{{_ New event _}}</a></p>{{/MAY_CREATE}}
{{#SIGNED_IN}}<p><a href="/events/invitations">{{_ Invitations to your organization _}}</a> · <a href="/events/feed">{{_ Your calendar feed _}}</a></p>{{/SIGNED_IN}}
<form class="form search-form" method="get" action="/events" role="search" aria-label="{{_ Filter the events _}}">
  <div class="filters">
    <div class="field">
      <label for="when">{{_ When _}}</label>
      <select id="when" name="when">
        {{#WHEN_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/WHEN_OPTION}}
      </select>
    </div>
    <div class="field">
      <label for="kind">{{_ Kind _}}</label>
      <select id="kind" name="kind">
        <option value="">{{_ All kinds _}}</option>
        {{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}
      </select>
    </div>
    <div class="field">
      <label for="organizer">{{_ Organizer _}}</label>
      <select id="organizer" name="organizer">
        <option value="">{{_ All organizers _}}</option>
        {{#ORGANIZER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ORGANIZER_OPTION}}
      </select>
    </div>
    <div class="field">
      <label for="country">{{_ Country _}}</label>
      <select id="country" name="country">
        <option value="">{{_ All _}}</option>
        {{#COUNTRY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/COUNTRY_OPTION}}
      </select>
    </div>
  </div>
  <button class="button" type="submit">{{_ Filter _}}</button>
</form>
{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
<p class="muted" role="status">{{SUMMARY}}</p>
{{#NO_EVENTS}}<p>{{_ No event matches. _}}</p>{{/NO_EVENTS}}
<ul class="cards events">
  {{#EVENT}}<li class="card">
    <h2 class="card-title"><a href="/events/{{SLUG}}"{{#TITLE_LANG}} lang="{{LANG}}"{{/TITLE_LANG}}>{{TITLE}}</a></h2>
    <p class="card-meta">{{KIND}} · <time datetime="{{FIRST_DAY}}">{{DATES}}</time> · {{PLACE}}</p>
    {{#SERIES}}<p class="card-meta">{{_ Series _}}: <span{{#NAME_LANG}} lang="{{LANG}}"{{/NAME_LANG}}>{{NAME}}</span></p>{{/SERIES}}
  </li>{{/EVENT}}
</ul>
<h2 id="series-heading">{{_ Series _}}</h2>
<ul class="cards series">
  {{#SERIES_ITEM}}<li class="card">
    <h3 class="card-title"><a href="/events?when=all&amp;series={{SLUG}}"{{#TITLE_LANG}} lang="{{LANG}}"{{/TITLE_LANG}}>{{TITLE}}</a></h3>
    <p{{#DESCRIPTION_LANG}} lang="{{LANG}}"{{/DESCRIPTION_LANG}}>{{DESCRIPTION}}</p>
    <p class="card-meta">{{_ Recurrence _}}: <span{{#RECURRENCE_LANG}} lang="{{LANG}}"{{/RECURRENCE_LANG}}>{{RECURRENCE}}</span></p>
  </li>{{/SERIES_ITEM}}
</ul>
