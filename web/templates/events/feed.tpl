{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/events">{{_ Events _}}</a></p>
<h1>{{_ Your calendar feed _}}</h1>
<p>{{_ A private address your calendar application can subscribe to: the sessions you speak at and the meetings you take part in. Anyone who has the address can read it; making a new one ends the old one. _}}</p>
{{#HAS_TOKEN}}<p class="alert alert-success" role="status">{{_ Copy this address now; it will not be shown again: _}} <code class="feed-path">{{FEED_PATH}}</code></p>{{/HAS_TOKEN}}
<form class="form" method="post" action="/events/feed">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <button class="button" type="submit">{{_ Make a new feed address _}}</button>
</form>
