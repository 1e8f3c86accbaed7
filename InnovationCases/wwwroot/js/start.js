// Starts Blazor (App.razor loads blazor.web.js with autostart="false"). Blazor waits for
// DOMContentLoaded itself, as with autostart.
//
// The circuit's JS initializers are given here, so blazor.web.js does not ask the server for their
// list (GET /_blazor/initializers, uncached: one round trip on every page load before the circuit's
// negotiate). No package of this app has one; a test (StartScriptTests) fails if that changes, and
// then the list belongs here.
Blazor.start({
    circuit: {
        initializers: { beforeStart: [], afterStarted: [] },
    },
});
