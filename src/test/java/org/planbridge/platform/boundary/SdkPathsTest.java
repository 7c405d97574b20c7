package org.planbridge.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SdkPathsTest {

  @Test
  void repeatedSlashesInAnApiPathAreOne() {
    assertEquals("/api/message", SdkPaths.meant("/api//message"));
    assertEquals("/api/job", SdkPaths.meant("//api///job"));
    assertNull(SdkPaths.meant("/api/job"), "a path as meant is left alone");
  }

  @Test
  void theDotNetSdksRootRoutesReachTheApi() {
    assertEquals("/api/taskContainer", SdkPaths.meant("/taskContainer"));
    assertEquals("/api/TASKFILTERVALUE", SdkPaths.meant("//TASKFILTERVALUE"));
    assertNull(SdkPaths.meant("/console/login.xhtml"));
    assertNull(SdkPaths.meant("/taskContainers"));
    assertNull(SdkPaths.meant("/"));
  }

  @Test
  void theDotNetSdksUserRoutesFromAnApiBaseReachTheApi() {
    assertEquals("/api/Administration/Users/Create", SdkPaths.meant("/api/api/Administration/Users/Create"));
    assertEquals("/api/administration/users/delete", SdkPaths.meant("/api//api/administration/users/delete"));
    assertNull(SdkPaths.meant("/api/Administration/Users/Update"), "from a base without /api it is right already");
    assertEquals("/api/api/job", SdkPaths.meant("/api//api/job"), "only the user routes are relative to /api");
  }
}
